"""The camera coach's WebSocket (GET /api/v1/analyze?exercise=ID) through the real server: the
profile first, an answer per landmark frame with the reps and the fault said during the rep, a
summary at the end; bad frames answered with an error while the analysis goes on; bad requests
refused with JSON errors; several sockets at once, each with its own analyzer."""
import json
import os
import signal
import tempfile
import unittest

import websocket  # Debian's python3-websocket

from kctest import CONTENT, run
from serve_support import Contract, Server, stop_and_remove, stub_web


class ServeAnalyze(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='kc-analyze-')
        landmarks = os.path.join(cls.tmp, 'squat.jsonl')
        proc = run('--content', CONTENT, 'exercises', 'animate', 'partial-squat', '--reps', '2', '--fps', '15',
                   '--size', '320x240', '--fault', 'knee-past-toes', '--fault-reps', '2', '-o',
                   os.path.join(cls.tmp, 'squat.y4m'), '--landmarks', landmarks)
        assert proc.returncode == 0, proc.stderr
        with open(landmarks, encoding='utf-8') as f:
            cls.frames = [line.strip() for line in f]
        cls.server = Server(os.path.join(cls.tmp, 'data'), stub_web(cls.tmp))
        cls.contract = Contract()

    @classmethod
    def tearDownClass(cls):
        stop_and_remove(cls.server, cls.tmp, signal.SIGTERM)

    def connect(self, exercise='partial-squat'):
        ws = websocket.create_connection(f'ws://127.0.0.1:{self.server.port}/api/v1/analyze?exercise={exercise}',
                                         timeout=10, cookie=self.server.cookie)
        self.addCleanup(ws.close)
        return ws, json.loads(ws.recv())

    def test_profile_then_a_reply_per_frame_then_the_summary(self):
        ws, ready = self.connect()
        self.assertEqual(ready['type'], 'ready')
        self.assertEqual(ready['exercise'], 'partial-squat')
        self.assertIn('hip height', ready['placement'])
        self.assertEqual({c['cue'] for c in ready['cues']}, {'knee-not-past-toes'})
        events = []
        for frame in self.frames:
            ws.send(frame)
            reply = json.loads(ws.recv())
            self.assertEqual(reply['type'], 'frame')
            self.assertEqual(reply['t'], json.loads(frame)['t'])
            self.assertTrue(reply['in_frame'])
            events += reply['events']
        kinds = [(e['type'], e['rep']) for e in events]
        self.assertEqual([k for k in kinds if k[0] == 'rep'], [('rep', 1), ('rep', 2)])
        fault = next(e for e in events if e['type'] == 'fault')
        self.assertEqual((fault['rep'], fault['fault'], fault['text']),
                         (2, 'knee-past-toes', 'Keep your knee behind your toes.'))
        self.assertLess(kinds.index(('fault', 2)), kinds.index(('rep', 2)))
        ws.send('{"type": "end"}')
        summary = json.loads(ws.recv())
        self.assertEqual(summary['type'], 'summary')
        self.assertEqual(summary['reps'], 2)
        self.assertEqual(summary['faults_per_rep'], [[], ['knee-past-toes']])
        self.assertEqual(summary['frames'], len(self.frames))
        self.assertGreater(summary['analyzer_us_per_frame'], 0)

    def test_bad_frames_get_an_error_and_the_analysis_goes_on(self):
        ws, _ = self.connect()
        for bad, says in [('nope', 'not JSON'), ('{"t": 1, "w": 640, "h": 480, "lm": [[1, 2]]}', 'expected 33'),
                          ('{"type": "pause"}', 'unknown message type')]:
            ws.send(bad)
            reply = json.loads(ws.recv())
            self.assertEqual(reply['type'], 'error')
            self.assertIn(says, reply['message'])
        ws.send(self.frames[0])
        self.assertEqual(json.loads(ws.recv())['type'], 'frame')
        ws.send(self.frames[0].replace('"t":0', '"t":-5', 1))
        self.assertIn('went back', json.loads(ws.recv())['message'])

    def test_no_person_is_said_after_half_a_second(self):
        ws, _ = self.connect()
        said = []
        for i in range(12):
            ws.send(json.dumps({'t': i * 66, 'w': 640, 'h': 480, 'lm': []}))
            said += json.loads(ws.recv())['events']
        self.assertEqual([e['type'] for e in said], ['out-of-frame'])
        self.assertIn('cannot see you', said[0]['text'])

    def test_sockets_are_independent(self):
        a, _ = self.connect()
        b, ready = self.connect('lunge')
        self.assertEqual(ready['exercise'], 'lunge')
        for frame in self.frames:
            a.send(frame)
            a.recv()
        b.send('{"type": "end"}')
        self.assertEqual(json.loads(b.recv())['frames'], 0)
        a.send('{"type": "end"}')
        self.assertEqual(json.loads(a.recv())['reps'], 2)

    def test_bad_requests_are_refused_with_json(self):
        for path, status, code in [('/api/v1/analyze?exercise=lunge', 400, 'not_websocket'),
                                   ('/api/v1/analyze', 400, 'bad_query')]:
            got, headers, body = self.server.request('GET', path)
            self.assertEqual(got, status)
            self.contract.check('GET', path, got, headers, body)
            self.assertEqual(json.loads(body)['error']['code'], code)
        for exercise, status in [('nosuch', 404), ('butterfly-stretch', 422)]:
            with self.assertRaises(websocket.WebSocketBadStatusException) as e:
                websocket.create_connection(
                    f'ws://127.0.0.1:{self.server.port}/api/v1/analyze?exercise={exercise}', timeout=10,
                    cookie=self.server.cookie)
            self.assertEqual(e.exception.status_code, status)


if __name__ == '__main__':
    unittest.main()
