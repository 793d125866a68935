import type { CustomerRow } from '../contracts/customer.contract';

/** The fields of a customer a list row shows (stored in the customer search index, lib/search/customer-index.ts). */
export interface CustomerListDocument {
  externalUserid: string;
  name?: string | null;
  avatar?: string | null;
  type?: number | null;
  corpName?: string | null;
  corpFullName?: string | null;
  position?: string | null;
  profile?: {
    corpName?: string | null;
    position?: string | null;
    phone?: string | null;
    source?: string | null;
  } | null;
  follows?: Array<{ userid: string; remark?: string | null; deletedAt?: Date | null }> | null;
  adderUserids?: string[] | null;
  ownerUserid?: string | null;
  firstAddedAt?: Date | null;
  lastContactAt?: Date | null;
  tagIds?: string[] | null;
  phones?: string[] | null;
}

export const WECHAT = 1;

/** "@微信" for WeChat users, "@<企业简称>" for another company's WeCom users, else "@企业微信" (I-40). */
export function customerSuffix(doc: Pick<CustomerListDocument, 'type' | 'corpName'>): string {
  if (doc.type !== 2) return '@微信';
  return `@${doc.corpName || '企业微信'}`;
}

/** 企业 (R-3.1.1-08): WeCom's company for WeCom users, the edited one for WeChat users. */
export function customerCorpName(doc: CustomerListDocument): string {
  return doc.type === 2 ? doc.corpFullName || doc.corpName || '' : doc.profile?.corpName || '';
}

/** 职务 (R-3.1.1-09, I-45): WeCom's position for WeCom users, the edited one for WeChat users. */
export function customerPosition(doc: CustomerListDocument): string {
  return doc.type === 2 ? doc.position || '' : doc.profile?.position || '';
}

/** One list row from one document; staff and tag names come from one batched lookup per page. */
export function toCustomerRow(
  doc: CustomerListDocument,
  staffName: (userid: string) => string,
  tagName: (tagId: string) => string | undefined,
): CustomerRow {
  const ref = (userid: string) => ({ userid, name: staffName(userid) });
  const owner = doc.ownerUserid ?? null;
  const ownerFollow = doc.follows?.find((follow) => follow.userid === owner && !follow.deletedAt);
  return {
    externalUserid: doc.externalUserid,
    name: doc.name ?? '',
    avatar: doc.avatar ?? '',
    type: doc.type ?? WECHAT,
    suffix: customerSuffix(doc),
    corpName: customerCorpName(doc),
    position: customerPosition(doc),
    phone: doc.profile?.phone || doc.phones?.[0] || '',
    owner: owner ? ref(owner) : null,
    adders: (doc.adderUserids ?? []).map(ref),
    addedAt: doc.firstAddedAt?.toISOString() ?? null,
    lastContactAt: doc.lastContactAt?.toISOString() ?? null,
    source: doc.profile?.source ?? '',
    tags: (doc.tagIds ?? []).flatMap((id) => {
      const name = tagName(id);
      // A tag deleted in WeCom but not yet synced away is not shown.
      return name === undefined ? [] : [{ id, name }];
    }),
    remark: ownerFollow?.remark ?? '',
  };
}
