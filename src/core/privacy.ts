import type { ConversationAddress } from './messages';

/** Whose data a request is about: the resident as their channel knows them. */
export interface DataSubject {
  channel: string;
  userId: string;
}

/** What one holder keeps about a resident, for "what do you keep about me?". */
export interface HeldData {
  holder: string;
  /** Text key naming this kind of data for the resident (e.g. "privacy.holder.conversation"). */
  label: string;
  /** The records themselves, for the download; their number is the chat summary. */
  records: Array<Record<string, unknown>>;
}

/** What erasing left behind and why (a running loan, a certificate), said plainly to the resident. */
export interface ErasureResult {
  holder: string;
  erased: number;
  /** Text keys of reasons to keep something, e.g. "privacy.kept.running_loan". */
  keptBecause: string[];
}

/** Anything that stores personal data registers here, so erase, export and retention reach all of it. */
export interface PersonalDataHolder {
  name: string;
  export(subject: DataSubject): Promise<HeldData>;
  erase(subject: DataSubject, at: Date): Promise<ErasureResult>;
  /** Deletes what is older than the retention allows; returns how many records went. */
  purge(before: Date): Promise<number>;
}

/** The list of holders; the privacy dialogs, the export endpoint and the purge job go through it. */
export class PrivacyRegistry {
  private readonly holders: PersonalDataHolder[] = [];

  register(holder: PersonalDataHolder): this {
    this.holders.push(holder);
    return this;
  }

  async export(subject: DataSubject): Promise<HeldData[]> {
    return Promise.all(this.holders.map((h) => h.export(subject)));
  }

  async erase(subject: DataSubject, at: Date): Promise<ErasureResult[]> {
    const results: ErasureResult[] = [];
    for (const holder of this.holders) results.push(await holder.erase(subject, at));
    return results;
  }

  async purge(before: Date): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const holder of this.holders) counts[holder.name] = await holder.purge(before);
    return counts;
  }
}

/** The subject of a conversation's resident. */
export function subjectOf(address: ConversationAddress): DataSubject {
  return { channel: address.channel, userId: address.userId };
}
