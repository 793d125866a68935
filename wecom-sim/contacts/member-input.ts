/**
 * The member fields of user/create and user/update (API.md §4.2), as one zod schema for their *types* only.
 * Fields the simulator has no use for (avatar_mediaid, to_invite) are left out, so /cgi-bin drops them.
 * Presence and business rules (required fields, lengths, uniqueness) live in MemberRoster, because each has
 * its own WeCom errcode; a type mismatch here is WeCom's generic 40058 on /cgi-bin and a 400 on /sim.
 */
import { z } from 'zod';

const extAttrItemSchema = z.object({
  type: z.number().int().min(0).max(2),
  name: z.string(),
  text: z.object({ value: z.string() }).optional(),
  web: z.object({ url: z.string(), title: z.string() }).optional(),
  miniprogram: z.object({ appid: z.string(), pagepath: z.string().optional(), title: z.string() }).optional(),
});

export const extAttrSchema = z.object({ attrs: z.array(extAttrItemSchema) });
export type ExtAttr = z.infer<typeof extAttrSchema>;

/** Stored and returned as given; the simulator does not interpret the external profile. */
export const externalProfileSchema = z.record(z.string(), z.unknown());
export type ExternalProfile = z.infer<typeof externalProfileSchema>;

export const memberFieldsSchema = z.object({
  userid: z.string().optional(),
  name: z.string().optional(),
  alias: z.string().optional(),
  mobile: z.string().optional(),
  department: z.array(z.number().int()).optional(),
  order: z.array(z.number().int()).optional(),
  position: z.string().optional(),
  /** WeCom documents "1"/"2" strings; numbers are accepted and normalised. */
  gender: z.union([z.string(), z.number().int()]).transform(String).optional(),
  email: z.string().optional(),
  biz_mail: z.string().optional(),
  telephone: z.string().optional(),
  is_leader_in_dept: z.array(z.number().int()).optional(),
  direct_leader: z.array(z.string()).optional(),
  enable: z.union([z.literal(0), z.literal(1)]).optional(),
  extattr: extAttrSchema.optional(),
  external_position: z.string().optional(),
  external_profile: externalProfileSchema.optional(),
  address: z.string().optional(),
  main_department: z.number().int().optional(),
});

export type MemberFields = z.infer<typeof memberFieldsSchema>;
