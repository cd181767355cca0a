// The smoke checks for the packaged extension, installed from its .vsix (`npm run test:vsix`):
// diagnostics, quick fixes, hovers, references and trees need the bundles, the worker and the
// data files, so a file the package leaves out fails here.
import './suite/installed.test';
import './suite/spelling.test';
import './suite/claims.test';
