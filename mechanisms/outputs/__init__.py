"""What leaves the program: pictures, the PDF handout, the offline page and the graph dumps."""
