/**
 * A small 知识库 for the demo (issue 15), made as an operator would make it: a 话术库 tree two levels deep with
 * 话术 and their 相似问, 常用语 and 常用链接 (cards given here: the demo machine may not reach the pages). So the
 * side panel's 知识库 tab has something to find and send from the first start. Kept when the tenant has any item.
 */
import { createCategory } from '../../api/modules/knowledge/knowledge-categories.use-case';
import { createKnowledgeItem } from '../../api/modules/knowledge/knowledge-items.use-case';
import {
  linkInputSchema,
  phraseInputSchema,
  scriptInputSchema,
} from '../../lib/contracts/knowledge.contract';
import { KnowledgeItemModel } from '../../lib/models/knowledge-item.model';
import type { ListSearch } from '../../lib/search/list-read-model';
import type { DemoAdmin } from './demo-admin';

const SCRIPTS = [
  {
    category: ['售前咨询', '产品介绍'],
    question: '你们的产品支持私有化部署吗？',
    similar: ['可以本地部署吗', '支持私有云吗'],
    answer:
      '支持。标准版提供公有云服务，企业版可私有化部署在贵司机房或私有云，部署与升级由我们的实施团队协助完成。',
  },
  {
    category: ['售前咨询', '价格与合同'],
    question: '价格怎么计算？',
    similar: ['多少钱', '怎么收费'],
    answer: '按开通系统的员工席位按年计费，50席以上有阶梯优惠，具体报价请联系您的专属顾问。',
  },
  {
    category: ['售后服务'],
    question: '如何申请退款？',
    similar: ['怎么退款', '可以退货吗'],
    answer: '购买7天内可无理由退款：请在订单页点击“申请退款”，我们将在1个工作日内处理。',
  },
];

const PHRASES = ['您好，很高兴为您服务，请问有什么可以帮您？', '感谢您的耐心等待，问题已为您处理完毕。'];

const LINKS = [
  {
    name: '产品白皮书',
    url: 'https://www.example.com/whitepaper',
    title: '私域运营白皮书',
    description: '企业微信私域运营的方法与案例',
  },
];

/** Answers how many items were created now (0 when the library had any). */
export async function seedDemoKnowledge(admin: DemoAdmin, deps: { listSearch: ListSearch }): Promise<number> {
  const { caller } = admin;
  if (await KnowledgeItemModel.exists({ tenantId: caller.tenantId })) return 0;
  const categoryIds = new Map<string, string>();
  const categoryOf = async (path: string[]) => {
    let parentId: string | null = null;
    for (let depth = 1; depth <= path.length; depth += 1) {
      const key = path.slice(0, depth).join('/');
      let id = categoryIds.get(key);
      if (!id) {
        id = (await createCategory(caller, { kind: 'scripts', name: path[depth - 1], parentId })).id;
        categoryIds.set(key, id);
      }
      parentId = id;
    }
    return parentId;
  };
  let created = 0;
  for (const { category, ...script } of SCRIPTS) {
    const input = scriptInputSchema.parse({ ...script, categoryId: await categoryOf(category) });
    await createKnowledgeItem(caller, { kind: 'scripts', input }, deps);
    created += 1;
  }
  for (const content of PHRASES) {
    await createKnowledgeItem(caller, { kind: 'phrases', input: phraseInputSchema.parse({ content }) }, deps);
    created += 1;
  }
  for (const link of LINKS) {
    await createKnowledgeItem(caller, { kind: 'links', input: linkInputSchema.parse(link) }, deps);
    created += 1;
  }
  return created;
}
