"""The floor of this stack: a Streamlit page with one trivial Plotly chart and nothing else."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")), key="floor")
