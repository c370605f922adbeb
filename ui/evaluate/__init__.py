"""The evaluation (好差评) screen turned to the applicant at a counter."""
