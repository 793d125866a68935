/**
 * 入群欢迎语素材 (API.md §7.2): at most 100 per corp (41055); text ≤ 3,000 bytes on add and edit (the stricter
 * of the doc's two figures, B10); one attachment kind at most. `notify` says whether members were told.
 */
import { randomBytes } from 'node:crypto';
import { WecomError } from '../wecom-error';

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

  constructor(private readonly nowSeconds: () => number) {}

  add(content: GroupWelcomeContent, notify: 0 | 1): GroupWelcomeTemplate {
    checkContent(content);
    if (this.templates.size >= TEMPLATES_MAX) throw new WecomError(41055);
    const template: GroupWelcomeTemplate = {
      template_id: `msg${randomBytes(12).toString('hex')}`,
      ...structuredClone(content),
      notify,
      created_at: this.nowSeconds(),
    };
    this.templates.set(template.template_id, template);
    return structuredClone(template);
  }

  /** Replaces the content whole: the fields given are the template now. */
  edit(templateId: string, content: GroupWelcomeContent): GroupWelcomeTemplate {
    const current = this.stored(templateId);
    checkContent(content);
    const next: GroupWelcomeTemplate = {
      template_id: current.template_id,
      notify: current.notify,
      created_at: current.created_at,
      ...structuredClone(content),
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
}

function checkContent(content: GroupWelcomeContent): void {
  const kinds = GROUP_WELCOME_ATTACHMENT_KINDS.filter((kind) => content[kind] !== undefined);
  if (kinds.length > 1) throw new WecomError(40058, 'at most one of image, link, miniprogram, file, video');
  const text = content.text?.content ?? '';
  if (!text && kinds.length === 0) throw new WecomError(40058, 'text and attachment are both empty');
  if (Buffer.byteLength(text, 'utf8') > TEXT_MAX_BYTES)
    throw new WecomError(40058, `text.content is at most ${TEXT_MAX_BYTES} bytes`);
}
