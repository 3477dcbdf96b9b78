/** Market impact models (Kyle, Almgren–Chriss, power law / square root, advisor-adjusted) and their calibration from fills. */
@NullMarked
package dev.slipstream.execution.impact;

import org.jspecify.annotations.NullMarked;
