/** Test support other modules reuse through this module's test-jar: a real redis-server per test class. */
@NullMarked
package dev.slipstream.context.testing;

import org.jspecify.annotations.NullMarked;
