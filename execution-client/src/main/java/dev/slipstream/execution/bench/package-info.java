/**
 * Single-threaded measurements behind {@code exec bench}: how fast the L2 replay venue applies recorded book
 * updates, and how long one engine decision takes from a published bar to a placed child.
 */
@NullMarked
package dev.slipstream.execution.bench;

import org.jspecify.annotations.NullMarked;
