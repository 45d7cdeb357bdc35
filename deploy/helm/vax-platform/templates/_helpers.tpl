{{- define "vax.labels" -}}
app.kubernetes.io/part-of: vax-platform
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "vax.selector" -}}
app.kubernetes.io/name: {{ . }}
app.kubernetes.io/part-of: vax-platform
{{- end -}}
