/** The {@code prompts} command line: {@code lint DIR} for a template repository's own CI. */
@NullMarked
package dev.slipstream.prompts.cli;

import org.jspecify.annotations.NullMarked;
