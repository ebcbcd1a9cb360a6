import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Schema, type Connection, type Model } from 'mongoose';

interface ManifestDoc {
  _id: string;
  generation: number;
  chunks: number;
  savedAt: Date;
}

interface ChunkDoc {
  _id: string;
  session: string;
  generation: number;
  n: number;
  data: Buffer;
}

const manifestSchema = new Schema<ManifestDoc>(
  { _id: String, generation: { type: Number, required: true }, chunks: { type: Number, required: true }, savedAt: { type: Date, required: true } },
  { collection: 'whatsapp_web_sessions', versionKey: false },
);
const chunkSchema = new Schema<ChunkDoc>(
  { _id: String, session: { type: String, required: true }, generation: { type: Number, required: true }, n: { type: Number, required: true }, data: { type: Buffer, required: true } },
  { collection: 'whatsapp_web_session_chunks', versionKey: false },
);
chunkSchema.index({ session: 1, generation: 1, n: 1 });

/** Documents stay well below the 16 MB BSON limit. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * RemoteAuth's session store, on our own mongoose connection: whatsapp-web.js zips the browser
 * profile and hands it over, so a restarted (or moved) server stays linked without a new QR scan.
 * Written by the one process that holds the phone's lease; a save writes a new generation of chunks
 * and only then points the manifest at it, so a crash mid-save keeps the previous session readable.
 * (wwebjs-mongo would use mongoose's global default connection, which this app never opens.)
 */
export class MongoSessionStore {
  private readonly manifests: Model<ManifestDoc>;
  private readonly chunks: Model<ChunkDoc>;

  /** `dataPath` is RemoteAuth's own dataPath: it writes `<session>.zip` there before calling save. */
  constructor(connection: Connection, private readonly dataPath: string, private readonly clock: () => Date = () => new Date()) {
    this.manifests = connection.models.WhatsAppWebSession ?? connection.model<ManifestDoc>('WhatsAppWebSession', manifestSchema);
    this.chunks = connection.models.WhatsAppWebSessionChunk ?? connection.model<ChunkDoc>('WhatsAppWebSessionChunk', chunkSchema);
  }

  async sessionExists({ session }: { session: string }): Promise<boolean> {
    return (await this.manifests.exists({ _id: session })) !== null;
  }

  async save({ session }: { session: string }): Promise<void> {
    const zip = await readFile(path.join(this.dataPath, `${session}.zip`));
    const previous = await this.manifests.findById(session).lean();
    const generation = (previous?.generation ?? 0) + 1;
    const count = Math.max(1, Math.ceil(zip.length / CHUNK_BYTES));
    for (let n = 0; n < count; n += 1) {
      const data = zip.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES);
      await this.chunks.create({ _id: `${session}#${generation}#${n}`, session, generation, n, data });
    }
    await this.manifests.updateOne({ _id: session }, { $set: { generation, chunks: count, savedAt: this.clock() } }, { upsert: true });
    await this.chunks.deleteMany({ session, generation: { $ne: generation } });
  }

  async extract({ session, path: target }: { session: string; path: string }): Promise<void> {
    const manifest = await this.manifests.findById(session).lean();
    if (!manifest) return;
    // Hydrated (not lean) documents, so `data` is a Buffer rather than a BSON Binary.
    const parts = await this.chunks.find({ session, generation: manifest.generation }).sort({ n: 1 });
    if (parts.length !== manifest.chunks) throw new Error(`WhatsApp Web session ${session} is incomplete in the database`);
    await writeFile(target, Buffer.concat(parts.map((part) => part.data)));
  }

  async delete({ session }: { session: string }): Promise<void> {
    await this.manifests.deleteOne({ _id: session });
    await this.chunks.deleteMany({ session });
  }
}
