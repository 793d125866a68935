/**
 * /cgi-bin/externalcontact/* for 客户继承 (API.md §12): resigned members' unassigned customers, customer transfers
 * (on-job and resigned) with their per-customer errcodes and results, and group transfers. Calls start or
 * read transfers; the 24 h takeover itself happens on the simulator's clock (CustomerTransfers.settle).
 */
import { z } from 'zod';
import { memberStatus } from '../contacts/member-roster';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import {
  checkTransferBatch,
  TRANSFER_BATCH_MAX,
  TRANSFER_CODES,
  type TransferKind,
} from '../transfer/customer-transfers';
import { WecomError } from '../wecom-error';
import { encodeCursor, pageByCursor } from './cursor';
import type { WecomEndpointSpec } from './wecom-endpoint';

const CUSTOMER_APIS: readonly SecretKind[] = ['externalContact', 'app'];
const UNASSIGNED_PAGE_MAX = 1000;
const RESULT_PAGE_SIZE = 1000;

const unassignedSchema = z.object({
  page_id: z.number().int().nonnegative().optional(),
  page_size: z.number().int().optional(),
  cursor: z.string().optional(),
});

const transferSchema = z.object({
  handover_userid: z.string().optional(),
  takeover_userid: z.string().optional(),
  external_userid: z.array(z.string()).optional(),
  transfer_success_msg: z.string().optional(),
});

const resultSchema = z.object({
  handover_userid: z.string().optional(),
  takeover_userid: z.string().optional(),
  cursor: z.string().optional(),
});

const groupTransferSchema = z.object({
  chat_id_list: z.array(z.string()),
  new_owner: z.string().optional(),
});

/** An active member in 客户联系 scope (the simulator puts every active member there); 40003 otherwise. */
function activeMember(
  corp: Corp,
  userid: string | undefined,
  field: string,
): { userid: string; name: string } {
  if (!userid) throw new WecomError(40058, `${field} is required`);
  try {
    const member = corp.contacts.members.get(userid);
    if (memberStatus(member) === 1) return { userid: member.userid, name: member.name };
  } catch {
    // Falls through to the same answer as a disabled member.
  }
  throw new WecomError(40003, `${field} ${userid}`);
}

/** The handover side: on-job must be an active member; resigned must have resigned (40097 if still here). */
function handoverUserid(corp: Corp, kind: TransferKind, userid: string | undefined): string {
  if (kind === 'onjob') return activeMember(corp, userid, 'handover_userid').userid;
  if (!userid) throw new WecomError(40058, 'handover_userid is required');
  const resignation = corp.transfers.resignation(userid);
  if (resignation) return resignation.userid;
  const stillHere = corp.contacts.members.all().some((m) => m.userid.toLowerCase() === userid.toLowerCase());
  throw new WecomError(stillHere ? TRANSFER_CODES.notResigned : 40003, `handover_userid ${userid}`);
}

function transferCustomer(kind: TransferKind): WecomEndpointSpec {
  return {
    allowed: CUSTOMER_APIS,
    emptyOnError: { customer: [] },
    handle: ({ corp, body }) => {
      const request = body(transferSchema);
      const handover = handoverUserid(corp, kind, request.handover_userid);
      const takeover = activeMember(corp, request.takeover_userid, 'takeover_userid').userid;
      if (handover.toLowerCase() === takeover.toLowerCase()) throw new WecomError(TRANSFER_CODES.sameMember);
      // The welcome to the customer exists only for on-job transfers; the resigned API ignores the field.
      const successMsg = kind === 'onjob' ? request.transfer_success_msg : undefined;
      checkTransferBatch(request.external_userid ?? [], successMsg);
      const customer = corp.transfers.start({
        kind,
        handover,
        takeover,
        externalUserids: request.external_userid ?? [],
        successMsg,
      });
      return { customer };
    },
  };
}

function transferResult(kind: TransferKind): WecomEndpointSpec {
  return {
    allowed: CUSTOMER_APIS,
    emptyOnError: { customer: [] },
    handle: ({ corp, body }) => {
      const request = body(resultSchema);
      if (!request.handover_userid || !request.takeover_userid)
        throw new WecomError(40058, 'handover_userid and takeover_userid are required');
      const rows = corp.transfers.results(kind, request.handover_userid, request.takeover_userid);
      const { page, nextCursor } = pageByCursor(rows, request.cursor, RESULT_PAGE_SIZE);
      return {
        customer: page.map((record) => ({
          external_userid: record.external_userid,
          status: record.status,
          takeover_time: record.takeover_time,
        })),
        next_cursor: nextCursor,
      };
    },
  };
}

function groupTransfer(kind: TransferKind): WecomEndpointSpec {
  return {
    allowed: CUSTOMER_APIS,
    emptyOnError: { failed_chat_list: [] },
    handle: ({ corp, body }) => {
      const request = body(groupTransferSchema);
      if (request.chat_id_list.length === 0 || request.chat_id_list.length > TRANSFER_BATCH_MAX)
        throw new WecomError(40058, `chat_id_list holds 1-${TRANSFER_BATCH_MAX} chat ids`);
      const newOwner = activeMember(corp, request.new_owner, 'new_owner');
      const failed: Array<{ chat_id: string; errcode: number; errmsg: string }> = [];
      for (const chatId of request.chat_id_list) {
        try {
          handOverGroup(corp, kind, chatId, newOwner);
        } catch (error) {
          if (!(error instanceof WecomError)) throw error;
          failed.push({ chat_id: chatId, errcode: error.errcode, errmsg: error.message });
        }
      }
      return { failed_chat_list: failed };
    },
  };
}

function handOverGroup(
  corp: Corp,
  kind: TransferKind,
  chatId: string,
  newOwner: { userid: string; name: string },
): void {
  let chat;
  try {
    chat = corp.groupChats.get(chatId);
  } catch {
    throw new WecomError(90501, `chat_id ${chatId}`);
  }
  const ownerResigned = corp.transfers.resignation(chat.owner) !== undefined;
  if (kind === 'resigned' && !ownerResigned) throw new WecomError(90500);
  if (kind === 'onjob' && ownerResigned) throw new WecomError(90502);
  if (chat.owner.toLowerCase() === newOwner.userid.toLowerCase()) throw new WecomError(90504);
  if (kind === 'onjob' && !corp.transfers.groupMayTransfer(chatId))
    throw new WecomError(TRANSFER_CODES.tooFrequent, `${chatId} was transferred twice within 90 days`);
  corp.groupChats.handOver(chatId, newOwner, kind === 'resigned' ? 3 : 0);
  if (kind === 'onjob') corp.transfers.recordGroupTransfer(chatId);
}

export const transferEndpoints: Record<string, WecomEndpointSpec> = {
  '/externalcontact/get_unassigned_list': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { info: [] },
    handle: ({ corp, body }) => {
      const request = body(unassignedSchema);
      const pageSize = request.page_size ?? UNASSIGNED_PAGE_MAX;
      if (pageSize < 1 || pageSize > UNASSIGNED_PAGE_MAX)
        throw new WecomError(40058, `page_size is 1-${UNASSIGNED_PAGE_MAX}`);
      const rows = corp.transfers.unassigned();
      // cursor wins; the older page_id pages by offset (API.md §12).
      const cursor = request.cursor || encodeCursor((request.page_id ?? 0) * pageSize);
      const { page, nextCursor } = pageByCursor(rows, cursor, pageSize);
      return {
        info: page,
        is_last: nextCursor === '',
        next_cursor: nextCursor,
      };
    },
  },
  '/externalcontact/transfer_customer': transferCustomer('onjob'),
  '/externalcontact/transfer_result': transferResult('onjob'),
  '/externalcontact/resigned/transfer_customer': transferCustomer('resigned'),
  '/externalcontact/resigned/transfer_result': transferResult('resigned'),
  '/externalcontact/groupchat/transfer': groupTransfer('resigned'),
  '/externalcontact/groupchat/onjob_transfer': groupTransfer('onjob'),
};
