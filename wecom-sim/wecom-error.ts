/**
 * A business error exactly as WeCom reports it: HTTP 200 with an errcode. The contacts rules throw it, the
 * /cgi-bin layer turns it into the JSON body, and the scenario API turns it into a 4xx for the admin console.
 * Codes and meanings follow doc 90313 (API.md §2); the English texts imitate the real short errmsg style —
 * clients must match on errcode only.
 */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  40001: 'invalid credential',
  40003: 'invalid userid',
  40004: 'invalid media type',
  40007: 'invalid media_id',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40056: 'invalid agentid',
  40032: 'invalid userid list size',
  40029: 'invalid code',
  40058: 'invalid parameter',
  40068: 'invalid tagid',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41005: 'media data missing',
  41008: 'missing code',
  41009: 'missing userid',
  41011: 'missing agentid',
  41019: 'missing department',
  41035: 'missing external userid',
  41037: 'missing contact way type',
  41038: 'missing contact way scene',
  41039: 'invalid contact way type',
  41040: 'invalid contact way scene',
  41041: 'contact way user count exceed limit',
  41042: 'invalid contact way style',
  41043: 'missing contact way config_id',
  41044: 'invalid contact way config_id',
  41046: 'missing msgid',
  41047: 'invalid msgid',
  41048: 'no available external contact to send',
  41049: 'missing welcome code',
  41050: 'invalid welcome code',
  41051: 'externaluser has started chatting',
  41054: 'user not activated',
  41055: 'group welcome template count exceed limit',
  41058: 'no permission to edit this group welcome template',
  41063: 'group msg is being dispatched',
  42001: 'access_token expired',
  48002: 'api forbidden',
  50001: 'redirect_uri not in the app domain',
  50100: 'invalid cursor',
  60001: 'department name length invalid',
  60003: 'department not found',
  60004: 'parent department not found',
  60005: 'department contains user',
  60006: 'department contains sub-department',
  60007: 'not allow to delete root department',
  60008: 'department existed',
  60009: 'department name include invalid char',
  60010: 'department exists circle',
  60102: 'userid existed',
  60103: 'mobile invalid',
  60104: 'mobile existed',
  60105: 'email invalid',
  60106: 'email existed',
  60110: 'user department size exceed limit',
  60111: 'userid not found',
  60112: 'user name invalid',
  60123: 'invalid department id',
  60129: 'mobile and email both empty',
  60132: 'is_leader_in_dept size not match department size',
  81002: 'department level exceed limit',
  81013: 'user & party & tag all invalid',
  81017: 'too many items requested',
  84061: 'not external contact',
  90504: 'group owner not changed',
  301053: 'chat archive not enabled',
  301060: 'too many agree-status items',
};

export class WecomError extends Error {
  constructor(
    readonly errcode: number,
    detail?: string,
  ) {
    const text = ERROR_TEXT[errcode] ?? 'error';
    super(detail ? `${text}: ${detail}` : text);
    this.name = 'WecomError';
  }
}
