"""The diagram: where each node sits, how things are drawn, and the Plotly figure."""
