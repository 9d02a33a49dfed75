// Discovery moved to src/project so the library (lint paths, the API) shares it with the CLI.
export { findProjectDir } from '../project/discovery.js';
