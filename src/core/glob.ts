/** A small glob matcher for the faces' file walks and events (relative, `/`-separated paths). */

/** Compiles `**`, `*`, `?` and `{a,b}` into a regular expression over a relative path. */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const key = `${flags}\u0000${glob}`;
  let compiled = compiledGlobs.get(key);
  if (!compiled) compiledGlobs.set(key, (compiled = compile(glob, flags)));
  return compiled;
}

// File events arrive by the hundred with the same few settings globs.
const compiledGlobs = new Map<string, RegExp>();

function compile(glob: string, flags: string): RegExp {
  let source = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // "**/" matches any number of folders, including none.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') (depth++, (source += '(?:'));
    else if (c === '}' && depth > 0) (depth--, (source += ')'));
    else if (c === ',' && depth > 0) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, flags);
}

/** True when the relative path matches any of the globs. */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(relativePath));
}
