import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { toCsv } from '../../shared/http/csv';
import { header, httpHandler, organisationOf, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { reachOf } from '../../shared/use-cases/reach';
import { registrationDeps } from '../../shared/composition/wiring';
import type { ReachCount, ReachReport } from '../../shared/domain/reach';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['reach-report']);
const deps = registrationDeps(config.TABLE_NAME);
const reply = responder(contract);

/** The report as rows a spreadsheet sums up: section, item, count. */
function rows(report: ReachReport): Array<{ section: string; item: string; count: ReachCount }> {
  return [
    ...(['registered', 'attended', 'cancelled', 'firstTime', 'returning'] as const).map((item) => ({ section: 'people', item, count: report[item] })),
    ...report.questions.flatMap((question) => question.options.map((option) => ({ section: question.label, item: option.label, count: option.count }))),
    ...report.perDay.map((day) => ({ section: 'registered on', item: day.date, count: day.count })),
  ];
}

export const handler = httpHandler(async (event) => {
  const eventId = pathParameter(event, 'eventId');
  const report = await reachOf(deps, organisationOf(event), eventId);
  if ((header(event, 'accept') ?? '').toLowerCase().includes('text/csv')) {
    return reply.csv(200, toCsv(['section', 'item', 'count'], rows(report)), { 'content-disposition': `attachment; filename="reach-${eventId}.csv"` });
  }
  return reply.json(200, report);
});
