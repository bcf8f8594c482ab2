from openai import OpenAI

client = OpenAI(api_key="sk-proj-EXAMPLEexampleEXAMPLEexample0123456789abcdEFGH")


def summarize(text):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Summarize: " + text}],
    )
    return resp.choices[0].message.content
