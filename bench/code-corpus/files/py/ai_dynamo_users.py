import boto3

table_client = boto3.client("dynamodb")


def find_user(field, value):
    """Look a user up by any field."""
    return table_client.scan(
        TableName="users",
        FilterExpression=field + " = :v",
        ExpressionAttributeValues={":v": {"S": value}},
    )


def find_user_by_email(email):
    return table_client.scan(
        TableName="users",
        FilterExpression="email = :v",
        ExpressionAttributeValues={":v": {"S": email}},
    )
