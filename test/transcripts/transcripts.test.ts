import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { loadTranscripts, playTranscript } from '../support/transcript';
import { WebChatClient } from '../support/webchat-client';

const transcripts = loadTranscripts(path.join(__dirname));

describe('conversations written as data, through the web chat API', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'transcripts' });
  });

  afterAll(async () => {
    await server.close();
  });

  test.each(transcripts.map((t) => [`${t.file}: ${t.transcript.name}`, t.transcript] as const))('%s', async (_name, transcript) => {
    const client = new WebChatClient(server.url);
    const restart = async (): Promise<void> => {
      await server.close({ keepDatabase: true });
      server = await startTestApp({ uri: server.uri });
      client.baseUrl = server.url;
    };
    await playTranscript(transcript, { client, renderer: server.app.renderer, restart });
  });
});
