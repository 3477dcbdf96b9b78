/**
 * A ghz-compatible load runner: reads ghz's JSON config and flags, drives gRPC (any method of the
 * Slipstream protos, unary or server streaming) or HTTP calls open loop or closed loop, and writes ghz-style
 * summaries and JSON reports.
 */
@NullMarked
package dev.slipstream.loadtest.runner;

import org.jspecify.annotations.NullMarked;
