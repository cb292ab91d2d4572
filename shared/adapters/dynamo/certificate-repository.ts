import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Certificate } from '../../domain/certificate';
import type { MailStatus } from '../../domain/mail';
import { documentClient } from './client';
import { mailStatuses } from './mail-outbox';
import { keys, withoutKeys } from './keys';
import { queryPartition } from './query-all';
import { ttlSeconds } from './ttl';

export interface IssuedCertificate extends Certificate {
  /** The outbox mail that first delivered it. */
  mailId: string;
}

export class CertificateRepository {
  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {}

  /**
   * Issues a registration's certificate once: a second call returns the first one, so a
   * resent certificate keeps its number. The public number item is written with it.
   */
  async issueOnce(certificate: IssuedCertificate, retainUntil: string): Promise<IssuedCertificate> {
    const expiresAt = ttlSeconds(retainUntil);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.certificateOfRegistration(certificate.eventId, certificate.registrationId), entity: 'certificate', ...certificate, expiresAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.certificateNumber(certificate.certificateNumber), entity: 'certificate-number', ...certificate, expiresAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return certificate;
    } catch (error) {
      const existing = await this.ofRegistration(certificate.eventId, certificate.registrationId);
      if (existing) return existing;
      throw error;
    }
  }

  async ofRegistration(eventId: string, registrationId: string): Promise<IssuedCertificate | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.certificateOfRegistration(eventId, registrationId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<IssuedCertificate>(Item) : undefined;
  }

  async byNumber(certificateNumber: string): Promise<IssuedCertificate | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.certificateNumber(certificateNumber) }));
    return Item ? withoutKeys<IssuedCertificate>(Item) : undefined;
  }

  async ofEvent(eventId: string): Promise<IssuedCertificate[]> {
    return queryPartition<IssuedCertificate>(this.client, this.tableName, keys.certificatesOfEvent(eventId));
  }


  /** The delivery state of each certificate's mail. */
  mailStatuses(mailIds: string[]): Promise<MailStatus[]> {
    return mailStatuses(this.client, this.tableName, mailIds);
  }
}
