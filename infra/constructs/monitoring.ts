import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BUSINESS_METRICS, METRICS_SERVICE, type BusinessMetric } from '../../shared/observability/metrics';
import type { AppFunction } from './app-function';
import { pascal } from '../names';
import { streamFunctions } from '../catalogue';

export interface MonitoringProps {
  stage: string;
  /** Where the functions' business metrics go (POWERTOOLS_METRICS_NAMESPACE). */
  namespace: string;
  api: HttpApi;
  functions: ReadonlyMap<string, AppFunction>;
  /** The dead-letter queue of each stream-triggered function, whose iterator age is watched too. */
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  topic: ITopic;
}

/**
 * Thresholds, each with its reason in the README's runbook ("When an alarm fires"). SES reviews
 * an account at 5 % bounces and 0.1 % complaints and may pause sending above them, so we
 * want to hear long before.
 */
export const ALARM_THRESHOLDS = {
  /** Any crash, timeout or throttle of a function in five minutes. */
  functionFailures: 1,
  /** A stream consumer this far behind means mail or promotions are late. */
  iteratorAgeMs: 10 * 60_000,
  /** Per cent of API requests answered 5xx in five minutes (with at least three of them). */
  api5xxPercent: 1,
  api5xxMinimum: 3,
  deadLetterMessages: 1,
  parkedMails: 1,
  /** SES reputation metrics are fractions: 0.02 = 2 %. */
  bounceRate: 0.02,
  complaintRate: 0.0005,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

/** Every alarm a stage needs, each notifying the stage's topic, and one dashboard. */
export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];
  private readonly notify: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.notify = new SnsAction(props.topic);
    const business = (metric: BusinessMetric) =>
      new Metric({ namespace: props.namespace, metricName: metric, dimensionsMap: { service: METRICS_SERVICE }, statistic: 'Sum', period: FIVE_MINUTES });

    for (const [name, fn] of props.functions) {
      this.alarm(`${pascal(name)}Failing`, {
        description: `${name} crashed, timed out or was throttled. Runbook: "Function failing".`,
        metric: new MathExpression({
          expression: 'FILL(errors, 0) + FILL(throttles, 0)',
          usingMetrics: { errors: fn.metricErrors({ period: FIVE_MINUTES }), throttles: fn.metricThrottles({ period: FIVE_MINUTES }) },
          period: FIVE_MINUTES,
          label: `${name} errors + throttles`,
        }),
        threshold: ALARM_THRESHOLDS.functionFailures,
      });
    }

    const streamReaders = new Set<string>(streamFunctions().map((spec) => spec.name));
    for (const name of props.deadLetterQueues.keys()) {
      if (!streamReaders.has(name)) continue;
      this.alarm(`${pascal(name)}StreamBehind`, {
        description: `${name} is more than 10 minutes behind the table stream. Runbook: "Stream behind".`,
        metric: props.functions.get(name)!.metric('IteratorAge', { statistic: 'Maximum', period: FIVE_MINUTES }),
        threshold: ALARM_THRESHOLDS.iteratorAgeMs,
      });
    }

    const requests = props.api.metricCount({ period: FIVE_MINUTES });
    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES });
    this.alarm('Api5xx', {
      description: 'More than 1 % of API requests failed with a server error. Runbook: "API errors".',
      metric: new MathExpression({
        expression: `IF(FILL(errors, 0) >= ${ALARM_THRESHOLDS.api5xxMinimum}, 100 * errors / requests, 0)`,
        usingMetrics: { errors: serverErrors, requests },
        period: FIVE_MINUTES,
        label: 'API 5xx %',
      }),
      threshold: ALARM_THRESHOLDS.api5xxPercent,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    for (const [name, queue] of props.deadLetterQueues) {
      this.alarm(`${pascal(name)}DeadLetters`, {
        description: streamReaders.has(name)
          ? `Stream records ${name} could not handle after every retry are waiting in its dead-letter queue. Runbook: "Dead letters" (redrive within 24 hours).`
          : `Events ${name} could not handle after every retry are waiting in its dead-letter queue. Runbook: "Dead letters".`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        threshold: ALARM_THRESHOLDS.deadLetterMessages,
      });
    }

    this.alarm('MailParked', {
      description: 'A mail could not be delivered after every retry; the organiser sees it at GET /admin/events/{eventId}/failed-mail. Runbook: "Mail parked".',
      metric: business(BUSINESS_METRICS.mailsParked),
      threshold: ALARM_THRESHOLDS.parkedMails,
    });

    // Account-wide reputation figures: SES publishes them without dimensions.
    const reputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.alarm('MailBounceRate', {
      description: 'The SES account bounce rate is above 2 % (SES reviews at 5 %). Runbook: "Bounces and complaints".',
      metric: reputation('Reputation.BounceRate'),
      threshold: ALARM_THRESHOLDS.bounceRate,
    });
    this.alarm('MailComplaintRate', {
      description: 'The SES account complaint rate is above 0.05 % (SES reviews at 0.1 %). Runbook: "Bounces and complaints".',
      metric: reputation('Reputation.ComplaintRate'),
      threshold: ALARM_THRESHOLDS.complaintRate,
    });

    this.dashboard(props, business, requests, serverErrors);
  }

  private alarm(id: string, options: { description: string; metric: IMetric; threshold: number; comparison?: ComparisonOperator }) {
    const alarm = new Alarm(this, id, {
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is a quiet hour, not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // Told when it fires and when it is over, so nobody keeps fixing what has recovered.
    alarm.addAlarmAction(this.notify);
    alarm.addOkAction(this.notify);
    this.alarms.push(alarm);
  }

  private dashboard(props: MonitoringProps, business: (metric: BusinessMetric) => Metric, requests: IMetric, serverErrors: IMetric) {
    const functions = [...props.functions.values()];
    new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
      widgets: [
        [new TextWidget({ markdown: `# Event registration — ${props.stage}\nRegistrations, waitlist and mail; below them the health of the API and functions. Alarms notify the stage's topic.`, width: 24, height: 2 })],
        [
          new GraphWidget({
            title: 'Registrations and waitlist',
            left: [business(BUSINESS_METRICS.registrations), business(BUSINESS_METRICS.waitlisted), business(BUSINESS_METRICS.promotions)],
            width: 12,
          }),
          new GraphWidget({
            title: 'Mail: sent, parked, bounced',
            left: [business(BUSINESS_METRICS.mailsSent), business(BUSINESS_METRICS.mailsParked)],
            right: [new Metric({ namespace: 'AWS/SES', metricName: 'Bounce', statistic: 'Sum', period: FIVE_MINUTES, label: 'SES bounces (account)' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: functions.map((fn) => fn.metricErrors({ period: FIVE_MINUTES })), width: 12, stacked: true }),
          new GraphWidget({
            title: 'API latency and server errors',
            left: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }), props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p90' })],
            right: [serverErrors, requests],
            width: 12,
          }),
        ],
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 })],
      ],
    });
  }
}
