import type { ChatArchiveSdkChoice } from './chat-archive-sdk';
import { NativeFinanceSdk } from './native-finance-sdk';
import { SimulatorFinanceSdk } from './simulator-finance-sdk';

/**
 * The simulator's stand-in when the WeCom base is not real WeCom; otherwise the native SDK when its library
 * is configured and loads. Never throws: a missing SDK is a state to report, not a crash.
 */
export function chatArchiveSdkFor(options: {
  wecomApiBase: string;
  financeSdkPath?: string;
}): ChatArchiveSdkChoice {
  if (new URL(options.wecomApiBase).hostname !== 'qyapi.weixin.qq.com') {
    return { available: true, sdk: new SimulatorFinanceSdk(options.wecomApiBase) };
  }
  return NativeFinanceSdk.load(options.financeSdkPath);
}
