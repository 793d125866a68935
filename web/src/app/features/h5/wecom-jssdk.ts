import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { jssdkConfigSchema } from '@contracts/h5.contract';
import { firstValueFrom } from 'rxjs';
import type { z } from 'zod';

import { apiErrorMessage } from '../../core/net/api-error';

/** GET /api/h5/jssdk-config (lib/contracts/h5.contract.ts). */
export type JssdkConfig = z.infer<typeof jssdkConfigSchema>;

/** The part of WeCom's JS-SDK (`ww`, API.md §16) the sidebar pages use. */
interface Ww {
  register(options: {
    corpId: string;
    agentId: number;
    jsApiList: string[];
    getAgentConfigSignature(url: string): Promise<{ timestamp: number; nonceStr: string; signature: string }>;
  }): void;
  getContext(): Promise<{ entry: string }>;
  getCurExternalContact(): Promise<{ userId: string }>;
  getCurExternalChat(): Promise<{ chatId: string }>;
  sendChatMessage(message: ChatMessage): Promise<unknown>;
  openEnterpriseChat(options: {
    userIds: string;
    externalUserIds: string;
    groupName: string;
  }): Promise<unknown>;
  openExistedChatWithMsg(options: { chatId: string }): Promise<unknown>;
}

/** What ww.sendChatMessage sends into the open chat (doc 98539): text, or an H5 link card (news). */
export type ChatMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'news'; news: { link: string; title: string; desc: string; imgUrl?: string } };

/**
 * WeCom's JS-SDK inside the sidebar: loads the script the api names, registers with the app identity
 * (agentConfig signed by our api for the page's URL) and asks which customer or group chat is open.
 */
@Injectable({ providedIn: 'root' })
export class WeComJssdk {
  private readonly http = inject(HttpClient);
  private registered?: Promise<Ww>;

  private config(url: string): Promise<JssdkConfig> {
    return firstValueFrom(
      this.http.get<JssdkConfig>('/api/h5/jssdk-config', { params: new HttpParams({ fromObject: { url } }) }),
    );
  }

  private ww(): Promise<Ww> {
    this.registered ??= (async () => {
      const first = await this.config(location.href.split('#')[0]);
      await loadScript(first.jssdkUrl);
      const ww = (window as unknown as { ww: Ww }).ww;
      ww.register({
        corpId: first.corpId,
        agentId: first.agentId,
        jsApiList: first.jsApiList,
        // The SDK names the URL it signs; a page that moved since asks the api again.
        getAgentConfigSignature: async (url) =>
          url === location.href.split('#')[0] ? first : this.config(url),
      });
      return ww;
    })();
    this.registered.catch(() => (this.registered = undefined));
    return this.registered;
  }

  async entry(): Promise<string> {
    return (await (await this.ww()).getContext()).entry;
  }

  /** The customer of the single chat (or profile) the sidebar was opened from. */
  async currentCustomer(): Promise<string> {
    return (await (await this.ww()).getCurExternalContact()).userId;
  }

  /** The group chat the sidebar was opened from. */
  async currentGroupChat(): Promise<string> {
    return (await (await this.ww()).getCurExternalChat()).chatId;
  }

  /** 聊天 (R-8.3-04): opens the 1:1 chat with a customer (ww.openEnterpriseChat, doc 93231). */
  async openCustomerChat(externalUserid: string): Promise<void> {
    await (
      await this.ww()
    ).openEnterpriseChat({ userIds: '', externalUserIds: externalUserid, groupName: '' });
  }

  /** 聊天 with a customer group (I-118): opens the existing group chat (ww.openExistedChatWithMsg). */
  async openGroupChat(chatId: string): Promise<void> {
    await (await this.ww()).openExistedChatWithMsg({ chatId });
  }

  /** Sends into the chat the sidebar was opened from (single or group chat toolbar); rejects with WeCom's errMsg. */
  async sendChatMessage(message: ChatMessage): Promise<void> {
    await (await this.ww()).sendChatMessage(message);
  }
}

/**
 * Why the sidebar could not learn its chat, for the page to say: WeCom's own errMsg (e.g. `getCurExternalChat:fail
 * without context of external chat`), or why asking failed before WeCom was reached (our api, the script).
 */
export function jssdkFailureReason(error: unknown): string {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  if (typeof errMsg === 'string' && errMsg) return errMsg;
  if (error instanceof HttpErrorResponse) return apiErrorMessage(error);
  return error instanceof Error && error.message ? error.message : '企业微信 JS-SDK 调用失败';
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('企业微信 JS-SDK 加载失败'));
    document.head.appendChild(script);
  });
}
