import { errors } from '@elastic/elasticsearch';
import { unavailable } from '../../http/app-error';

/**
 * Reads of the customer search index: when Elasticsearch cannot be reached the caller learns why (503, in
 * Chinese) instead of getting a bare 500. Writes never come here: they wait in the outbox.
 */
export async function whileSearchReachable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError) {
      throw unavailable('客户搜索服务暂不可用，请稍后重试', 'SEARCH_UNAVAILABLE');
    }
    throw error;
  }
}
