import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import type { Logger } from '../../lib/logger';
import { AppError } from './app-error';

/** The one place errors become HTTP answers: known errors say why, unknown ones are logged and hidden. */
export function createErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof AppError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    // An id that cannot be one (a malformed ObjectId in the path) names no record; any other value mongoose
    // cannot cast got past a schema that should have refused it, and is still the caller's mistake.
    if (error instanceof mongoose.Error.CastError) {
      const notFound = error.path === '_id';
      res.status(notFound ? 404 : 400).json({
        error: notFound
          ? { code: 'NOT_FOUND', message: '记录不存在或已删除' }
          : { code: 'BAD_REQUEST', message: '请求参数有误' },
      });
      if (!notFound) log.warn({ err: error, path: req.path }, 'a value no schema refused failed to cast');
      return;
    }
    // express.json() and express.text() raise these for unreadable bodies.
    if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: { code: 'BAD_REQUEST', message: '请求格式有误' } });
      return;
    }
    log.error({ err: error, path: req.path }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } });
  };
}

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
};
