import mongoose from 'mongoose';

/**
 * Empties every collection of one benchmark database (documents only: the indexes the app created
 * at start-up stay), so each load scenario starts from the same empty store and the scenarios
 * compare like with like. The benchmark's own databases only; never a real one.
 */
export async function emptyDatabase(uri: string): Promise<number> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const db = connection.db;
    if (!db) throw new Error('no database on the connection');
    let removed = 0;
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      removed += (await db.collection(name).deleteMany({})).deletedCount;
    }
    return removed;
  } finally {
    await connection.close();
  }
}

/** How many documents a collection of a benchmark database holds (0 when it does not exist). */
export async function countDocuments(uri: string, collection: string): Promise<number> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    return (await connection.db?.collection(collection).countDocuments({})) ?? 0;
  } finally {
    await connection.close();
  }
}
