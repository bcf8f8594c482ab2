import pickle

import redis
from flask import Flask, request

app = Flask(__name__)
r = redis.Redis()


@app.route("/jobs", methods=["POST"])
def submit():
    job = pickle.loads(request.get_data())
    r.lpush("jobs", pickle.dumps(job))
    return {"queued": True}


@app.route("/jobs/json", methods=["POST"])
def submit_json():
    job = request.get_json(force=True)
    r.lpush("jobs", pickle.dumps(job))
    return {"queued": True}
