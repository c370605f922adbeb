"""The guided intake at the counter: applicant → item → handling place → materials → decision → print."""
