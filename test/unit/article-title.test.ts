import * as assert from 'node:assert/strict';
import { articleTitle } from '../../src/vscode/articleTitle';

describe('articleTitle', () => {
  it('takes the first line of a plain-text article', () => {
    assert.equal(articleTitle('\n\nXiaomi Under Investigation Regarding Cybersecurity Worries\n\nThe Taiwanese government…'), 'Xiaomi Under Investigation Regarding Cybersecurity Worries');
  });
  it('passes over a first line of site furniture for the first that says something', () => {
    assert.equal(articleTitle('Trending News\n\nChinese Tech Giant Xiaomi Faces Another Controversy\n'), 'Chinese Tech Giant Xiaomi Faces Another Controversy');
  });
  it('takes a Markdown heading that opens the body, however short, without its marks', () => {
    assert.equal(articleTitle('# Xiaomi probed #\n\nThe Taiwanese government has initiated a probe.'), 'Xiaomi probed');
  });
  it('prefers a front-matter title, and reads past front matter without one', () => {
    assert.equal(articleTitle('---\ntitle: "Taiwan probes Xiaomi"\n---\n# Other\n'), 'Taiwan probes Xiaomi');
    assert.equal(articleTitle('---\ndate: 2014-10-23\n---\n\nTaiwan probes Xiaomi phones over data\n'), 'Taiwan probes Xiaomi phones over data');
  });
  it('cuts a paragraph-long first line with an ellipsis, and gives nothing for an empty text', () => {
    const title = articleTitle(`${'word '.repeat(40)}\n`);
    assert.ok(title && title.length === 90 && title.endsWith('…'), title);
    assert.equal(articleTitle(' \n\n'), undefined);
  });
});
