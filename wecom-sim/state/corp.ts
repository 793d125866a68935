/**
 * One simulated WeCom corp: its identity and app secrets, its address book, its customers, customer groups and
 * corp tags, the app messages it sent, and its callback settings.
 */
import { CorpCallbacks } from '../callbacks/callback-config';
import { ContactDirectory } from '../contacts/contact-directory';
import { ChatArchive } from '../archive/chat-archive';
import { CorpApp } from './corp-app';
import { CorpTagCatalog } from '../customers/corp-tag-catalog';
import { CustomerBook } from '../customers/customer-book';
import { GroupChats } from '../customers/group-chats';
import { AppMessageLog } from '../messages/app-message-log';
import type { ChatToolMessage, ClientContext } from '../jssdk/client-context';
import { JsapiTickets } from '../jssdk/jsapi-tickets';
import { SECRET_KINDS, type CorpSecrets, type SecretKind } from './secret-kinds';
import { ContactWayBook } from '../acquisition/contact-ways';
import { WelcomeCodes } from '../acquisition/welcome-codes';
import { GroupWelcomeTemplates } from '../acquisition/group-welcome-templates';
import { MediaStore } from '../acquisition/media-store';
import { MassSends } from '../mass-send/mass-sends';
import { CustomerTransfers } from '../transfer/customer-transfers';

export interface CorpIdentity {
  corpId: string;
  name: string;
  secrets: CorpSecrets;
  /** The self-built app's agentid (the `app` secret belongs to it). */
  appAgentId: number;
}

export class Corp {
  readonly contacts: ContactDirectory;
  readonly callbacks = new CorpCallbacks();
  /**
   * The 通讯录同步 setting "权限：仅API读取通讯录" (read-only) instead of "API编辑通讯录": the contacts secret
   * still reads, but every contacts write answers 48002.
   */
  contactsReadOnly = false;
  /**
   * 客户联系 → 绑定微信开发者ID: with a WeChat open-platform account bound, WeCom adds `unionid` to WeChat-user
   * customers (externalcontact/get, batch/get_by_user) and to WeChat users in customer groups (groupchat/get);
   * without it the field is absent. Off for a new corp, as in WeCom.
   */
  wechatDeveloperBound = false;
  private readonly customerBook: CustomerBook;
  private readonly groupChatList: GroupChats;
  private readonly corpTagCatalog: CorpTagCatalog;
  /** A seeded customer side not planted yet, and the clock reading it was seeded at. */
  private unplanted: { plant: (corp: Corp) => void; at: number } | undefined;
  /** While a lazy plant runs: the seeding time, so planted tags carry the time they were seeded at. */
  private plantingAt: number | undefined;
  readonly appMessages = new AppMessageLog();
  readonly app: CorpApp;
  readonly archive: ChatArchive;
  readonly jsapiTickets = new JsapiTickets();
  /** 「联系我」 ways, the WelcomeCodes of new customers and the group welcome templates (API.md §6, §7). */
  readonly contactWays: ContactWayBook;
  readonly welcomeCodes: WelcomeCodes;
  readonly groupWelcomeTemplates: GroupWelcomeTemplates;
  /** Temporary media from media/upload (a mini-program welcome's cover). */
  readonly media: MediaStore;
  /** 企业群发 templates, their members' tasks and per-recipient results (API.md §9). */
  readonly massSends: MassSends;
  /** Resigned members and customer transfers (API.md §12). */
  readonly transfers: CustomerTransfers;
  /** The WeCom client's state for the JS-SDK and the silent OAuth (set through the scenario API). */
  clientContext: ClientContext | undefined;
  /** What sidebar pages sent into the open chat with ww.sendChatMessage, oldest first. */
  readonly chatToolMessages: Array<ChatToolMessage & { sentAt: number }> = [];

  constructor(
    readonly identity: CorpIdentity,
    nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.contacts = new ContactDirectory(identity.corpId, identity.name);
    this.customerBook = new CustomerBook(nowSeconds);
    this.groupChatList = new GroupChats(nowSeconds);
    this.corpTagCatalog = new CorpTagCatalog(() => this.plantingAt ?? nowSeconds());
    this.app = new CorpApp(identity.appAgentId);
    this.archive = new ChatArchive(nowSeconds);
    this.contactWays = new ContactWayBook(this.contacts, nowSeconds);
    this.welcomeCodes = new WelcomeCodes(nowSeconds);
    this.media = new MediaStore(nowSeconds);
    this.massSends = new MassSends(nowSeconds);
    this.transfers = new CustomerTransfers(() => this.customers, nowSeconds);
    this.groupWelcomeTemplates = new GroupWelcomeTemplates(nowSeconds, this.media);
  }

  /**
   * Seeds the customer side (customers, groups, corp tags) when it is first used rather than now: the demo
   * corp's thousands of customers would otherwise be planted for every test that never looks at them.
   */
  seedCustomerSide(plant: (corp: Corp) => void, seededAt: number): void {
    this.unplanted = { plant, at: seededAt };
  }

  get customers(): CustomerBook {
    this.plantSeededCustomerSide();
    return this.customerBook;
  }

  get groupChats(): GroupChats {
    this.plantSeededCustomerSide();
    return this.groupChatList;
  }

  get corpTags(): CorpTagCatalog {
    this.plantSeededCustomerSide();
    return this.corpTagCatalog;
  }

  private plantSeededCustomerSide(): void {
    const seed = this.unplanted;
    if (!seed) return;
    this.unplanted = undefined;
    this.plantingAt = seed.at;
    try {
      seed.plant(this);
    } finally {
      this.plantingAt = undefined;
    }
  }

  get corpId(): string {
    return this.identity.corpId;
  }

  secretKindOf(secret: string): SecretKind | undefined {
    return SECRET_KINDS.find((kind) => this.identity.secrets[kind] === secret);
  }
}
