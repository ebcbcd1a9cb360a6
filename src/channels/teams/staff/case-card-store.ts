import { Schema, type Connection, type Model } from 'mongoose';

/** One card of a case in a Teams conversation. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
}

interface CardsDoc {
  _id: string;
  cards: PostedCard[];
  updatedAt: Date;
}

const cardsSchema = new Schema<CardsDoc>(
  { _id: String, cards: { type: [{ conversationId: String, activityId: String, _id: false }], required: true }, updatedAt: { type: Date, required: true } },
  { collection: 'teams_case_cards', versionKey: false },
);

/**
 * Which Teams messages show a case (the first alert and every re-alert), so a change is drawn on
 * every one of them: whoever looks at any card sees who has the case.
 */
export class CaseCardStore {
  private readonly model: Model<CardsDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.TeamsCaseCards ?? connection.model<CardsDoc>('TeamsCaseCards', cardsSchema);
  }

  async add(caseId: string, card: PostedCard, at: Date): Promise<void> {
    await this.model.updateOne({ _id: caseId }, { $push: { cards: card }, $set: { updatedAt: at } }, { upsert: true });
  }

  async of(caseId: string): Promise<PostedCard[]> {
    return (await this.model.findById(caseId).lean())?.cards ?? [];
  }
}
