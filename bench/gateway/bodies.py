"""Writes the benchmark's request bodies: a small chat request, a 78 KB agent request
(system prompt, tool definitions, a long history with code and tool results, one email
to redact), a streaming request, and a slow streaming one."""

import json
import sys

out = sys.argv[1]

small = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Write a function that adds two numbers."}]}

code = "\n".join(
    f"def handler_{i}(request):\n    user = request.user\n    items = db.query(Item).filter(Item.owner == user.id).all()\n    return render('list.html', items=items, page={i})\n"
    for i in range(120)
)
tools = [
    {"type": "function", "function": {"name": f"tool_{i}", "description": "Reads a file from the workspace and returns its content with line numbers. " * 3,
     "parameters": {"type": "object", "properties": {"path": {"type": "string", "description": "A path relative to the workspace root."}}, "required": ["path"]}}}
    for i in range(20)
]
messages = [{"role": "system", "content": "You are a coding agent. Follow the repository's conventions. " * 20}]
for i in range(6):
    messages.append({"role": "user", "content": f"Step {i}: refactor the handlers below.\n```python\n{code[:7000]}\n```"})
    messages.append({"role": "assistant", "content": None, "tool_calls": [{"id": f"call_{i}", "type": "function", "function": {"name": "tool_1", "arguments": json.dumps({"path": f"src/app_{i}.py"})}}]})
    messages.append({"role": "tool", "tool_call_id": f"call_{i}", "content": code[:3650]})
messages.append({"role": "user", "content": "Also send the summary to jane.doe@airlock-fixture.dev when done."})
agent = {"model": "gpt-4o", "tools": tools, "messages": messages}

stream = dict(small, stream=True)
# The fake pauses 200 ms between the frames of a "slow-stream" model's answer.
slow_stream = dict(small, model="gpt-4o-slow-stream", stream=True)

for name, body in [("small", small), ("agent", agent), ("stream", stream), ("slow-stream", slow_stream)]:
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(body, f)
print(len(json.dumps(agent)))
