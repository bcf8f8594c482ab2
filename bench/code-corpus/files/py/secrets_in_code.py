import os

import boto3
import stripe

stripe.api_key = "sk_live_EXAMPLE0000000000000000fakeFAKE"

s3 = boto3.client(
    "s3",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)

SLACK_WEBHOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXEXAMPLEXXXXXXXX"

DEFAULT_TIMEOUT = 30
