/** Helpers of the loader and the renderer: located YAML, schema compilation, placeholders, data blocks. */
@NullMarked
package dev.slipstream.prompts.internal;

import org.jspecify.annotations.NullMarked;
