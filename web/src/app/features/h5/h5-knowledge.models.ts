import type {
  h5KnowledgeQuerySchema,
  KnowledgeItem,
  KnowledgeKind,
  KnowledgeTree,
} from '@contracts/knowledge.contract';
import type { z } from 'zod';

import type { ChatMessage } from './wecom-jssdk';

/** The side panel's 知识库 (issue 15 item 4) as the api serves it (lib/contracts/knowledge.contract.ts). */
export type { KnowledgeItem, KnowledgeKind, KnowledgeTree };
export type H5KnowledgeQuery = Pick<
  z.input<typeof h5KnowledgeQuerySchema>,
  'kind' | 'categoryId' | 'keyword'
>;
export type UseAction = 'send' | 'copy';

export const H5_KIND_LABELS: Record<KnowledgeKind, string> = {
  scripts: '话术',
  phrases: '常用语',
  links: '常用链接',
};

/** The line an item is known by: its 问题, its 常用语 or its 链接名称. */
export function itemHeadline(item: KnowledgeItem): string {
  switch (item.kind) {
    case 'scripts':
      return item.question;
    case 'phrases':
      return item.content;
    case 'links':
      return item.name;
  }
}

/**
 * 发送: a 话术 sends its answer and a 常用语 its text; a 常用链接 sends a link card (its card's title, or the name
 * when the page gave none). An empty imgUrl is left out: some WeCom PC clients refuse the card with it.
 */
export function chatMessageOf(item: KnowledgeItem): ChatMessage {
  switch (item.kind) {
    case 'scripts':
      return { msgtype: 'text', text: { content: item.answer } };
    case 'phrases':
      return { msgtype: 'text', text: { content: item.content } };
    case 'links':
      return {
        msgtype: 'news',
        news: {
          link: item.url,
          title: item.title || item.name,
          desc: item.description,
          ...(item.coverUrl ? { imgUrl: item.coverUrl } : {}),
        },
      };
  }
}

/** 复制: what goes on the clipboard (the answer, the text, the link). */
export function copyTextOf(item: KnowledgeItem): string {
  switch (item.kind) {
    case 'scripts':
      return item.answer;
    case 'phrases':
      return item.content;
    case 'links':
      return item.url;
  }
}

/**
 * One press of 发送 or 复制, counted once by the server: the id is made when the button is pressed, and every
 * retry of recording that press sends the same one.
 */
export interface UsePress {
  itemId: string;
  action: UseAction;
  actionId: string;
}
export function newPress(
  itemId: string,
  action: UseAction,
  makeId: () => string = () => crypto.randomUUID(),
): UsePress {
  return { itemId, action, actionId: makeId() };
}
