/**
 * One simulated WeCom corp: its identity and app secrets, its address book and its callback settings.
 */
import { CorpCallbacks } from '../callbacks/callback-config';
import { ContactDirectory } from '../contacts/contact-directory';
import { ChatArchive } from '../archive/chat-archive';
import type { SimClock } from '../clock';
import { CorpApp } from './corp-app';
import { SECRET_KINDS, type CorpSecrets, type SecretKind } from './secret-kinds';

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
  readonly app: CorpApp;
  readonly archive: ChatArchive;

  constructor(
    readonly identity: CorpIdentity,
    clock: SimClock,
  ) {
    this.contacts = new ContactDirectory(identity.corpId, identity.name);
    this.app = new CorpApp(identity.appAgentId);
    this.archive = new ChatArchive(clock);
  }

  get corpId(): string {
    return this.identity.corpId;
  }

  secretKindOf(secret: string): SecretKind | undefined {
    return SECRET_KINDS.find((kind) => this.identity.secrets[kind] === secret);
  }
}
