/**
 * Versioned prompt templates: the file format as records, the loader and its checks, the renderer that
 * inserts variables as delimited data, and the validator of model output.
 */
@NullMarked
package dev.slipstream.prompts;

import org.jspecify.annotations.NullMarked;
