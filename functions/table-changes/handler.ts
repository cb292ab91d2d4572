import { readConfig } from '../../shared/config';
import { tableChangesDeps } from '../../shared/composition/wiring';
import { tableChangesHandler } from '../../shared/triggers/table-changes';

const config = readConfig(['TABLE_NAME', 'EVENT_BUS_NAME']);

export const handler = tableChangesHandler(tableChangesDeps(config.TABLE_NAME, config.EVENT_BUS_NAME));
