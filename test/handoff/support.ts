import type { WebChatMessage } from '../../src/channels/webchat/webchat-message';
import type { StaffRole } from '../../src/staff/staff-types';
import type { TestApp } from '../support/app';
import { collectEvents } from '../support/sse';
import type { WebChatClient } from '../support/webchat-client';

/** Monday 2 March 2026, 10:00 in Brussels: inside the shipped business hours. */
export const MONDAY_10 = new Date('2026-03-02T09:00:00Z');

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}
  readonly read = (): Date => this.now;
  advanceMinutes(minutes: number): Date {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
    return this.now;
  }
}

/** Reads a resident's web chat events stream and collects the proactive messages. */
export function listenResident(client: WebChatClient, signal: AbortSignal): WebChatMessage[] {
  return collectEvents<WebChatMessage>(`${client.baseUrl}/api/webchat/conversations/${client.conversationId}/events`, { authorization: `Bearer ${client.token}` }, signal);
}

/** Polls until `check` gives a value (or fails after `ms`). */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates a staff user and logs in over the API; returns the bearer header and the principal id. */
export async function staffLogin(test: TestApp, email: string, role: StaffRole, now: Date): Promise<{ headers: Record<string, string>; id: string }> {
  const password = `pw-${email}-long-enough`;
  const user = await test.app.staff.accounts.create({ email, role, password }, now);
  const response = await fetch(`${test.url}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const { token } = (await response.json()) as { token: string };
  return { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, id: user.id };
}

/** Calls the staff API; returns status and parsed body. */
export async function staffCall(test: TestApp, headers: Record<string, string>, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${test.url}${path}`, { method, headers: body === undefined ? { authorization: headers.authorization ?? '' } : headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
