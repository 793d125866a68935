/**
 * 入群欢迎语素材 (API.md §7.2, doc 92366): at most 100 per corp (41055); text ≤ 3,000 bytes on add and edit (the
 * stricter of the doc's two figures, B10). A request may carry several of image, link, miniprogram, file and
 * video, but a template keeps one: the doc takes the first in that order (其它消息类型只能有一个，如果同时填，则按
 * image、link、miniprogram、file、video的优先顺序取参), and an image's media_id wins over its pic_url. The kept
 * attachment's media must be this corp's valid uploads (40007). `notify` says whether members were told.
 */
import { randomBytes } from 'node:crypto';
import { WecomError } from '../wecom-error';
import type { MediaStore, MediaType } from './media-store';

export const GROUP_WELCOME_ATTACHMENT_KINDS = ['image', 'link', 'miniprogram', 'file', 'video'] as const;
export type GroupWelcomeAttachmentKind = (typeof GROUP_WELCOME_ATTACHMENT_KINDS)[number];

export interface GroupWelcomeContent {
  text?: { content: string };
  image?: Record<string, unknown>;
  link?: Record<string, unknown>;
  miniprogram?: Record<string, unknown>;
  file?: Record<string, unknown>;
  video?: Record<string, unknown>;
}

export interface GroupWelcomeTemplate extends GroupWelcomeContent {
  template_id: string;
  notify: 0 | 1;
  created_at: number;
}

const TEMPLATES_MAX = 100;
const TEXT_MAX_BYTES = 3000;

export class GroupWelcomeTemplates {
  private readonly templates = new Map<string, GroupWelcomeTemplate>();

  constructor(
    private readonly nowSeconds: () => number,
    private readonly media: MediaStore,
  ) {}

  add(content: GroupWelcomeContent, notify: 0 | 1): GroupWelcomeTemplate {
    const kept = this.keptContent(content);
    if (this.templates.size >= TEMPLATES_MAX) throw new WecomError(41055);
    const template: GroupWelcomeTemplate = {
      template_id: `msg${randomBytes(12).toString('hex')}`,
      ...kept,
      notify,
      created_at: this.nowSeconds(),
    };
    this.templates.set(template.template_id, template);
    return structuredClone(template);
  }

  /** Replaces the content whole: the fields given are the template now. */
  edit(templateId: string, content: GroupWelcomeContent): GroupWelcomeTemplate {
    const current = this.stored(templateId);
    const next: GroupWelcomeTemplate = {
      template_id: current.template_id,
      notify: current.notify,
      created_at: current.created_at,
      ...this.keptContent(content),
    };
    this.templates.set(templateId, next);
    return structuredClone(next);
  }

  get(templateId: string): GroupWelcomeTemplate {
    return structuredClone(this.stored(templateId));
  }

  delete(templateId: string): void {
    this.stored(templateId);
    this.templates.delete(templateId);
  }

  all(): GroupWelcomeTemplate[] {
    return [...this.templates.values()].map((t) => structuredClone(t));
  }

  private stored(templateId: string): GroupWelcomeTemplate {
    if (!templateId) throw new WecomError(40058, 'template_id is required');
    const template = this.templates.get(templateId);
    // Another app's template or an unknown id: WeCom refuses editing with 41058.
    if (!template) throw new WecomError(41058, `template_id ${templateId}`);
    return template;
  }

  /** What a template keeps of a request: the text and the first attachment kind by the doc's priority. */
  private keptContent(content: GroupWelcomeContent): GroupWelcomeContent {
    const kind = GROUP_WELCOME_ATTACHMENT_KINDS.find((k) => content[k] !== undefined);
    const text = content.text?.content ?? '';
    if (!text && !kind) throw new WecomError(40058, 'text and attachment are both empty');
    if (Buffer.byteLength(text, 'utf8') > TEXT_MAX_BYTES)
      throw new WecomError(40058, `text.content is at most ${TEXT_MAX_BYTES} bytes`);
    const kept: GroupWelcomeContent = text ? { text: { content: text } } : {};
    if (!kind) return kept;
    const attachment = structuredClone(content[kind]!);
    if (kind === 'image' && attachment.media_id) delete attachment.pic_url;
    const media = MEDIA_OF[kind];
    const mediaId = media && attachment[media.field];
    if (media && mediaId !== undefined && !this.media.isValid(String(mediaId), media.type))
      throw new WecomError(40007, `invalid ${kind}.${media.field}`);
    return { ...kept, [kind]: attachment };
  }
}

/** Where each attachment kind names uploaded media, and of which type (image's pic_url needs no upload). */
const MEDIA_OF: Partial<Record<GroupWelcomeAttachmentKind, { field: string; type: MediaType }>> = {
  image: { field: 'media_id', type: 'image' },
  miniprogram: { field: 'pic_media_id', type: 'image' },
  file: { field: 'media_id', type: 'file' },
  video: { field: 'media_id', type: 'video' },
};
