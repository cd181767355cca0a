// The extension-host suites, in the order they run (later ones change the workspace's lists).
import './suite/spelling.test';
import './suite/claims.test';
import './suite/surfaces.test';
import './suite/robustness.test';
import './suite/screenshots.test';
import './suite/wordList.test';
import './suite/lists.test';
import './suite/markdown.test';
