/**
 * Reads a server-sent-events stream over real HTTP and collects each event's JSON data as it arrives;
 * one reader for the web chat's resident stream and the staff dashboard's alert stream.
 */
export function collectEvents<T>(url: string, headers: Record<string, string>, signal: AbortSignal): T[] {
  const received: T[] = [];
  void (async () => {
    try {
      const response = await fetch(url, { headers, signal });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = event.split('\n').find((line) => line.startsWith('data: '));
          if (data) received.push(JSON.parse(data.slice(6)) as T);
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return received;
}
