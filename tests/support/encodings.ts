/**
 * Text in the legacy encodings Korean, Japanese and Western sites still serve, for
 * fixtures: Node's TextDecoder reads EUC-KR, Shift_JIS and the rest, but nothing in
 * Node writes them, so Python's codecs do (python3 is on every machine of this project).
 */
import { execFileSync } from 'node:child_process';

/** The bytes of `text` in `codec` (Python's name: `euc_kr`, `cp949`, `shift_jis`, `iso2022_jp`, `cp1252`, `latin_1`). */
export function encode(text: string, codec: string): Buffer {
	return execFileSync('python3', ['-c', `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(${JSON.stringify(codec)}))`], { input: text });
}
