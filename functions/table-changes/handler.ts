import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { tableChangesDeps } from '../../shared/composition/wiring';
import { tableChangesHandler } from '../../shared/triggers/table-changes';

const config = readConfig(FUNCTION_SETTINGS['table-changes']);

export const handler = tableChangesHandler(tableChangesDeps(config.TABLE_NAME, config.EVENT_BUS_NAME));
