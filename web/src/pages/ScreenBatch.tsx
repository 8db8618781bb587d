import { useState, type FormEvent } from 'react';
import { authHeaders } from '../lib/api';
import { usePoll } from '../lib/poll';
import { useParams } from '../lib/router';
import type { BatchJob } from '../lib/types';

/** Batch screening: upload a CSV/XLSX (upload progress), watch it screen (job progress), download the result CSV. */
export function BatchPanel({ dataset, threshold }: { dataset: string; threshold: string }) {
  const [params, setParams] = useParams();
  const jobId = params.get('job');
  const [file, setFile] = useState<File>();
  const [upload, setUpload] = useState<number>();
  const [job, setJob] = useState<BatchJob>();
  const [error, setError] = useState<string>();
  usePoll<BatchJob>(jobId ? `/screen/batch/${encodeURIComponent(jobId)}` : null, 400, (j) => j.state === 'running', setJob, setError);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setJob(undefined);
    setUpload(0);
    const qs = new URLSearchParams({ filename: file.name, ...(dataset ? { dataset } : {}), ...(threshold ? { threshold } : {}) });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/screen/batch?${qs}`);
    xhr.setRequestHeader('content-type', /\.xlsx?$/i.test(file.name) ? 'application/octet-stream' : 'text/csv');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setUpload(ev.loaded / ev.total);
    xhr.onload = () => {
      setUpload(undefined);
      try {
        const body = JSON.parse(xhr.responseText) as BatchJob & { message?: string };
        if (xhr.status !== 200) return setError(body.message ?? `upload failed (${xhr.status})`);
        setJob(body);
        setParams({ job: body.id });
      } catch {
        setError(`upload failed (${xhr.status})`);
      }
    };
    xhr.onerror = () => {
      setUpload(undefined);
      setError('upload failed: the server did not answer');
    };
    xhr.send(file);
  };

  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <section className="card" aria-labelledby="batch-h" style={{ marginTop: '1.5rem' }}>
      <h2 id="batch-h" style={{ marginTop: 0 }}>Screen a file</h2>
      <p className="muted small-text">A CSV or XLSX with a header row (name, date of birth, nationality, IMO, id …: columns are recognised by their usual names; up to 1 MB).
        The result has one row per input row: the best match, its score and why; malformed rows are reported in the file, not dropped.</p>
      <form className="row" onSubmit={submit}>
        <label className="field grow">File
          <input type="file" name="file" accept=".csv,.txt,.tsv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
        <button type="submit" disabled={!file || upload !== undefined}>Upload and screen</button>
      </form>
      <div style={{ minHeight: 96, marginTop: '0.6rem' }} aria-live="polite">
        {upload !== undefined ? <><div className="small-text">Uploading {file?.name}: {pct(upload)}</div><div className="progress" role="progressbar" aria-valuenow={Math.round(upload * 100)} aria-valuemin={0} aria-valuemax={100}><span style={{ width: pct(upload) }} /></div></> : null}
        {error ? <div className="state error" role="alert">{error}</div> : null}
        {job ? (
          <>
            <div className="small-text">
              <strong>{job.file}</strong> ({job.format}) · {job.state === 'running' ? 'screening' : job.state} · {job.rows.toLocaleString('en')} rows, {job.matches} matched, {job.errors} malformed, {job.suppressed} hits suppressed
              {job.seconds !== undefined ? ` · ${job.seconds} s` : ''}
            </div>
            <div className="progress" role="progressbar" aria-label="screening progress" aria-valuenow={Math.round(job.progress * 100)} aria-valuemin={0} aria-valuemax={100}><span style={{ width: pct(job.progress) }} /></div>
            <div className="muted small-text">Columns: {job.mapping}</div>
            {job.state === 'done' && job.result ? <p><a className="button-link" href={job.result} download>Download the result CSV</a></p> : null}
            {job.state === 'failed' ? <div className="state error" role="alert">{job.message}</div> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
