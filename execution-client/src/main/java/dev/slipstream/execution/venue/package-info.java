/** Where child orders go: the Venue interface and a simulated venue that replays real bars with an impact overlay. */
@NullMarked
package dev.slipstream.execution.venue;

import org.jspecify.annotations.NullMarked;
