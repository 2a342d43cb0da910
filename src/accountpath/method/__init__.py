"""The method layer: evaluation, the debrief, rounds, calibration and panel plans. Pure: numbers, ids and codes."""
