import { z } from 'zod';

const captioned = z.object({ caption: z.string().optional() }).passthrough();

/** One inbound message of a webhook notification; only the fields the channel reads are checked. */
export const cloudMessageSchema = z.object({
  from: z.string().regex(/^\d{6,20}$/),
  id: z.string().min(1),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  image: captioned.optional(),
  document: captioned.optional(),
  video: captioned.optional(),
});

/** A change of field "messages": inbound messages and/or status callbacks of one business number. */
export const cloudChangeValueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string() }),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/** The notification envelope Meta posts: object "whatsapp_business_account", entries of changes. */
export const cloudNotificationSchema = z.object({
  object: z.string(),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })) })),
});

/** One inbound Cloud API message, as far as the channel reads it. */
export type CloudMessage = z.infer<typeof cloudMessageSchema>;
